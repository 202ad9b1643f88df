// title: Fates of a body's members
// description: One row per membership term in a body: role, term, dates, fate, and whether the person was killed on Stalin's orders (derived from the relationships at load time).
// param: body string cc-1917-aug The body's id (see bodies.csv or `bolshevik-graph people --body`)
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person)-[m:MEMBER_OF]->(b:Body {id: $body, generation: current.generation})
RETURN p.id AS id, p.name AS name, m.role AS role, m.start AS start, m.end AS end,
       p.born AS born, p.died AS died, p.fate AS fate,
       p.killed_on_stalins_orders AS killed_on_stalins_orders
ORDER BY role, id, start
