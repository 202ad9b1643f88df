// title: Who ran the trials
// description: Prosecutors, judges, executioners and organisers of each trial, and what later became of them.
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {generation: current.generation})-[t:PARTICIPATED_IN]->(e:Event {event_kind: 'trial'})
WHERE t.role IN ['prosecutor', 'judge', 'executioner', 'organiser']
RETURN e.id AS trial, t.role AS role, p.id AS id, p.name AS name, p.died AS died, p.fate AS fate
ORDER BY trial, role, id
