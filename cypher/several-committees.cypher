// title: People on several Central Committees, and how they ended
// description: Everyone who held a term in at least `min` Central Committees, with the committees in order of election, their fate and whether they were killed on Stalin's orders.
// param: min int 2 The least number of Central Committees
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person)-[:MEMBER_OF]->(b:Body {body_kind: 'central-committee', generation: current.generation})
WITH DISTINCT p, b
WITH p, b ORDER BY b.start, b.id
WITH p, collect(b.id) AS committees
WHERE size(committees) >= $min
RETURN p.id AS id, p.name AS name, size(committees) AS count, committees AS committees,
       p.fate AS fate, p.killed_on_stalins_orders AS killed_on_stalins_orders
ORDER BY count DESC, id
