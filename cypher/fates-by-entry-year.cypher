// title: Fates by year of entry into a body
// description: Members of a body grouped by the year they first entered it (their earliest term), with the count per fate and how many were killed on Stalin's orders.
// param: body string cc-1917-aug The body's id
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person)-[m:MEMBER_OF]->(:Body {id: $body, generation: current.generation})
WITH p, min(m.start) AS entered
RETURN toInteger(left(entered, 4)) AS year, p.fate AS fate, count(p) AS people,
       coalesce(sum(CASE WHEN p.killed_on_stalins_orders THEN 1 ELSE 0 END), 0) AS killed_by_stalin
ORDER BY year, fate
