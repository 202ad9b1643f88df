// title: Members of a body still alive in a given year
// description: The members (any role) of a body who had not died before the given year began. A member whose death date is unknown is listed with alive 'unknown', never counted as alive; the others with 'yes'.
// param: body string cc-1917-aug The body's id
// param: year int 1939 The year
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person)-[:MEMBER_OF]->(:Body {id: $body, generation: current.generation})
WITH DISTINCT p
WHERE p.died IS NULL OR toInteger(left(p.died, 4)) >= $year
RETURN p.id AS id, p.name AS name, p.died AS died, p.fate AS fate,
       CASE WHEN p.died IS NULL THEN 'unknown' ELSE 'yes' END AS alive
ORDER BY id
