// title: Deaths by year and fate
// description: How many people in the graph died in each year, by fate.
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {generation: current.generation})
WHERE p.died IS NOT NULL
RETURN toInteger(left(p.died, 4)) AS year, p.fate AS fate, count(p) AS deaths
ORDER BY year, fate
