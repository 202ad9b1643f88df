// title: Who signed for whom on a committee
// description: For the people of a body, each signatory of the decisions that sentenced them (SENTENCE_APPROVED_BY: a signature on a Politburo execution list), with how many of the body's people they approved and who; only where a source names the signatory.
// param: body string cc-1934 The body's id
MATCH (current:BolshevikGraphCurrent)
MATCH (v:Person)-[:MEMBER_OF]->(:Body {id: $body, generation: current.generation})
WITH DISTINCT v
MATCH (v)-[:SENTENCE_APPROVED_BY]->(s:Person)
WITH s, v ORDER BY v.id
WITH s, collect(DISTINCT v.id) AS approved
RETURN s.id AS id, s.name AS name, size(approved) AS count, approved AS people
ORDER BY count DESC, id
