// title: Killed on Stalin's orders
// description: People whose violent death the relationships attribute to Stalin (PURGED_BY him, or KILLED_BY someone who ACTED_ON_ORDERS_OF him; certain or likely edges), in order of death.
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {generation: current.generation})
WHERE p.killed_on_stalins_orders = true
RETURN p.id AS id, p.name AS name, p.died AS died, p.fate AS fate, p.fate_detail AS how
ORDER BY died, id
