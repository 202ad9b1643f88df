// title: A person's part in events
// description: The events (trials, treaties, speeches...) a person took part in, with their role and any sentence.
// param: person person zinoviev The person (an id or any name)
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {id: $person, generation: current.generation})-[t:PARTICIPATED_IN]->(e:Event)
RETURN e.id AS event, e.name AS name, e.start AS start, t.role AS role, t.sentence AS sentence
ORDER BY start, event, role
