// title: Show-trial defendants and their sentences
// description: Every defendant of every trial in the graph, with the sentence and how the defendant's life ended; the court's other participants (prosecutor, judges) are listed by the person-relationships query.
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {generation: current.generation})-[t:PARTICIPATED_IN {role: 'defendant'}]->(e:Event {event_kind: 'trial'})
RETURN e.id AS trial, e.start AS opened, p.id AS id, p.name AS name, t.sentence AS sentence,
       p.died AS died, p.fate AS fate, p.killed_on_stalins_orders AS killed_on_stalins_orders
ORDER BY opened, trial, id
