// title: Who purged whom, ranked
// description: People others were purged by (PURGED_BY, certain or likely), ranked by number of victims.
MATCH (current:BolshevikGraphCurrent)
MATCH (v:Person {generation: current.generation})-[r:PURGED_BY]->(p:Person)
WHERE r.confidence IN ['certain', 'likely']
RETURN p.id AS id, p.name AS name, count(DISTINCT v) AS victims
ORDER BY victims DESC, id
