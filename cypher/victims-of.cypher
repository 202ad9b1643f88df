// title: Victims of one person
// description: Everyone with a PURGED_BY edge to a person, with the purge's dates, the victim's fate and the confidence of the claim.
// param: person person stalin The purger (an id or any name)
MATCH (current:BolshevikGraphCurrent)
MATCH (v:Person)-[r:PURGED_BY]->(p:Person {id: $person, generation: current.generation})
RETURN v.id AS id, v.name AS name, r.start AS purged_from, v.died AS died, v.fate AS fate,
       r.confidence AS confidence
ORDER BY died, id, purged_from
