// title: Purgers who were purged
// description: Chains victim -> purger -> the purger's own purger: who purged someone and was later purged in turn.
MATCH (current:BolshevikGraphCurrent)
MATCH (v:Person {generation: current.generation})-[:PURGED_BY]->(p:Person)-[:PURGED_BY]->(q:Person)
RETURN DISTINCT v.id AS victim, p.id AS purger, q.id AS purgers_purger
ORDER BY purger, purgers_purger, victim
