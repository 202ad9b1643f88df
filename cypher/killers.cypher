// title: Who killed whom
// description: Every KILLED_BY edge: victim, killer, date and confidence.
MATCH (current:BolshevikGraphCurrent)
MATCH (v:Person {generation: current.generation})-[r:KILLED_BY]->(k:Person)
RETURN v.id AS victim, v.name AS victim_name, k.id AS killer, k.name AS killer_name,
       r.start AS date, r.confidence AS confidence
ORDER BY victim, killer, date
