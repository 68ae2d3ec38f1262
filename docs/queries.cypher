// Ten example questions for the actorgraph data model in Neo4j.
// This file is the single source: docs/neo4j.md is generated from it
// (node scripts/neo4j-docs.mjs) and test/neo4j/queries.test.ts runs every
// query against a real Neo4j loaded with the seed articles.
//
// Each query: `// @id`, `// @question`, `// @params` (JSON, passed as $name),
// then the Cypher, ended by a line holding only `;`.
// Run one with: actorgraph query "$(...)" --param name=value
// Symmetric types (ALLIES_WITH, MET_WITH, NEGOTIATES_WITH, FIGHTS) are stored
// once per pair and matched without direction.

// @id mediators
// @question Who mediated between the government and the rebels?
// @params {"government": "syria", "rebels": "syrian-rebels"}
MATCH (side:Actor)-[r:MEDIATED_BY]->(m:Actor)
WHERE side.id IN [$government, $rebels]
WITH m, side, r ORDER BY side.id
RETURN m.id AS mediator, m.name AS name, collect(side.id) AS mediatedFor, sum(r.weight) AS mentions
ORDER BY size(mediatedFor) DESC, mentions DESC, mediator
;

// @id allies-and-supporters
// @question Who are Syria's allies and supporters?
// @params {"actor": "syria"}
CALL () {
  MATCH (:Actor {id: $actor})-[r:ALLIES_WITH]-(x:Actor)
  RETURN x, 'ally' AS role, r.weight AS weight
  UNION ALL
  MATCH (:Actor {id: $actor})<-[r:SUPPORTS]-(x:Actor)
  RETURN x, 'supporter' AS role, r.weight AS weight
}
RETURN x.id AS actor, x.name AS name, role, weight
ORDER BY weight DESC, actor, role
;

// @id meetings-per-actor
// @question How many meetings did each actor take part in, and with how many partners?
// @params {}
MATCH (a:Actor)-[r:MET_WITH]-(b:Actor)
RETURN a.id AS actor, a.name AS name, sum(r.weight) AS meetings, count(DISTINCT b) AS partners
ORDER BY meetings DESC, actor
;

// @id shortest-path
// @question What is the shortest chain of relations between Turkey and Iran?
// @params {"from": "turkey", "to": "iran"}
MATCH p = shortestPath(
  (a:Actor {id: $from})-[:ALLIES_WITH|SUPPORTS|MET_WITH|NEGOTIATES_WITH|MEDIATED_BY|OPPOSES|FIGHTS*..6]-(b:Actor {id: $to})
)
RETURN [n IN nodes(p) | n.id] AS actors, [r IN relationships(p) | type(r)] AS relations, length(p) AS hops
;

// @id evidence
// @question Which sentences say that Iran supports Syria?
// @params {"type": "supports", "source": "iran", "target": "syria"}
MATCH (c:Claim {type: $type, modality: 'asserted'})-[:SUBJECT]->(:Actor {id: $source}),
      (c)-[:OBJECT]->(:Actor {id: $target}),
      (c)-[:IN]->(art:Article)
RETURN DISTINCT art.id AS article, art.title AS title, c.date AS date, c.sentence AS sentence
ORDER BY article, sentence
;

// @id date-range
// @question Which relations were reported between 1 December 2016 and 31 January 2017?
// @params {"from": "2016-12-01", "to": "2017-01-31"}
MATCH (s:Actor)-[r:ALLIES_WITH|SUPPORTS|MET_WITH|NEGOTIATES_WITH|MEDIATED_BY|OPPOSES|FIGHTS]->(t:Actor)
WHERE r.first <= $to AND r.last >= $from
RETURN s.id AS source, type(r) AS relation, t.id AS target, r.weight AS weight, r.first AS first, r.last AS last
ORDER BY first, source, relation, target
;

// @id most-connected
// @question Which actors are the most connected?
// @params {"limit": 10}
MATCH (a:Actor)-[r:ALLIES_WITH|SUPPORTS|MET_WITH|NEGOTIATES_WITH|MEDIATED_BY|OPPOSES|FIGHTS]-(b:Actor)
RETURN a.id AS actor, a.name AS name, count(DISTINCT b) AS neighbours, sum(r.weight) AS mentions
ORDER BY neighbours DESC, mentions DESC, actor
LIMIT $limit
;

// @id conflicts
// @question Who fights whom, and since when?
// @params {}
MATCH (a:Actor)-[r:FIGHTS]->(b:Actor)
RETURN a.id AS side, b.id AS otherSide, r.weight AS mentions, r.first AS first, r.last AS last
ORDER BY mentions DESC, side, otherSide
;

// @id persons
// @question Which people speak or act for each actor?
// @params {}
MATCH (p:Person)-[:MEMBER_OF]->(a:Actor)
WITH a, p ORDER BY p.name
RETURN a.id AS actor, a.name AS name, collect(p.name) AS persons
ORDER BY size(persons) DESC, actor
;

// @id sources
// @question Which articles give the most evidence, and how much of it is not asserted (planned, negated, hypothetical)?
// @params {}
MATCH (art:Article)<-[:IN]-(c:Claim)
RETURN art.id AS article, art.title AS title, count(c) AS claims,
       count(CASE WHEN c.modality <> 'asserted' THEN 1 END) AS notAsserted
ORDER BY claims DESC, article
;
