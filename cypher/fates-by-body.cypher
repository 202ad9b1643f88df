// title: Fates per body
// description: For every body, how many of the people who held a role in it met each fate.
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {generation: current.generation})-[:MEMBER_OF]->(b:Body)
WITH DISTINCT b, p
RETURN b.id AS body, p.fate AS fate, count(p) AS people
ORDER BY body, fate
