// title: All relationships of a person
// description: Every relationship and membership of a person, outgoing and incoming, with dates and confidence.
// param: person person zinoviev The person (an id or any name)
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {id: $person, generation: current.generation})-[r]-(o)
RETURN CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction, type(r) AS type,
       o.id AS other, o.name AS name, r.role AS role, r.start AS start, r.end AS end,
       r.confidence AS confidence
ORDER BY start, type, other, direction, role
