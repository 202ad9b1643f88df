// title: Executioners later executed
// description: People named as killers (KILLED_BY) or purgers (PURGED_BY) of others who were themselves executed or died in custody.
MATCH (current:BolshevikGraphCurrent)
MATCH (v:Person {generation: current.generation})-[:KILLED_BY|PURGED_BY]->(k:Person)
WHERE k.fate IN ['executed', 'died_in_custody']
RETURN k.id AS id, k.name AS name, k.died AS died, k.fate AS fate, count(DISTINCT v) AS victims
ORDER BY id
