// title: Shortest chains between two people
// description: Every shortest chain of relationships and memberships (any direction, at most 8 steps) between two people: the ids along the way and the type of each step.
// param: from person stalin The first person (an id or any name)
// param: to person trotsky The second person (an id or any name)
MATCH (current:BolshevikGraphCurrent)
MATCH (a:Person {id: $from, generation: current.generation}), (b:Person {id: $to, generation: current.generation})
MATCH path = allShortestPaths((a)-[*..8]-(b))
RETURN [n IN nodes(path) | n.id] AS chain, [r IN relationships(path) | type(r)] AS steps,
       length(path) AS hops
ORDER BY chain, steps
LIMIT 50
