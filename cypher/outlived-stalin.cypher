// title: Members of a body who outlived Stalin
// description: Members of a body who died after 5 March 1953 (or whose death is unknown), the survivors.
// param: body string cc-1917-aug The body's id
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person)-[:MEMBER_OF]->(:Body {id: $body, generation: current.generation})
WITH DISTINCT p
WHERE p.died IS NULL OR p.died > '1953-03-05'
RETURN p.id AS id, p.name AS name, p.died AS died, p.fate AS fate
ORDER BY id
