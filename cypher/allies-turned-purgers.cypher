// title: Alliances that turned into purges
// description: Pairs who were allied (ALLIED_WITH) and where one was later purged by the other.
MATCH (current:BolshevikGraphCurrent)
MATCH (v:Person {generation: current.generation})-[a:ALLIED_WITH]-(p:Person), (v)-[r:PURGED_BY]->(p)
RETURN DISTINCT v.id AS victim, v.name AS victim_name, p.id AS purger, p.name AS purger_name,
       a.start AS allied_from, a.end AS allied_to, r.start AS purged_from
ORDER BY victim, purger, allied_from, allied_to, purged_from
