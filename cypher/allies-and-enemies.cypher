// title: A person's allies and enemies in a given year
// description: ALLIED_WITH and OPPOSED relationships of a person that were in force during a year (either direction).
// param: person person stalin The person (an id or any name)
// param: year int 1926 The year
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {id: $person, generation: current.generation})-[r:ALLIED_WITH|OPPOSED]-(o:Person)
WHERE toInteger(left(r.start, 4)) <= $year
  AND (r.end IS NULL OR toInteger(left(r.end, 4)) >= $year)
RETURN type(r) AS relation, CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       o.id AS other, o.name AS name, r.start AS start, r.end AS end, r.confidence AS confidence
ORDER BY relation, other, direction, start
