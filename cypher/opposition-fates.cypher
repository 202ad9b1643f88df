// title: Oppositions and what became of their members
// description: For each faction, how many of its members met each fate, and how many of them were killed on Stalin's orders.
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person)-[:MEMBER_OF]->(b:Body {body_kind: 'faction', generation: current.generation})
WITH DISTINCT b, p
RETURN b.id AS faction, p.fate AS fate, count(p) AS members,
       coalesce(sum(CASE WHEN p.killed_on_stalins_orders THEN 1 ELSE 0 END), 0) AS killed_by_stalin
ORDER BY faction, fate
