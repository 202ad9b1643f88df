// title: Find people by name
// description: People whose name, full name or Russian name contains the text (case-insensitive).
// param: text string - Part of a name, e.g. Zinov
MATCH (current:BolshevikGraphCurrent)
MATCH (p:Person {generation: current.generation})
WHERE toLower(p.name) CONTAINS toLower($text)
   OR toLower(p.full_name) CONTAINS toLower($text)
   OR toLower(coalesce(p.name_ru, '')) CONTAINS toLower($text)
RETURN p.id AS id, p.name AS name, p.born AS born, p.died AS died, p.fate AS fate
ORDER BY id
