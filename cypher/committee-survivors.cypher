// title: Survivors of a committee
// description: People of a body (any term) whose recorded fate is a natural death, an accident or death in war: those the purges did not kill. Arrested survivors show their arrest date. People whose fate is unknown are left out (see fates-of-body).
// param: body string cc-1934 The body's id (see bodies.csv or `bolshevik-graph cohort`)
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person)-[:MEMBER_OF]->(b:Body {id: $body, generation: current.generation})
WHERE p.fate IN ['natural', 'accident', 'killed_by_enemy']
WITH DISTINCT p
WITH p, coalesce(p.died, '') AS died
RETURN p.id AS id, p.name AS name, p.fate AS fate, p.arrested AS arrested, died AS died
ORDER BY died, id
