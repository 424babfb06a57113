-- Why: a customs system verifies permits through the API (issue 16) with a token of its own. A personal token acts
-- as its user everywhere; a token with a scope opens only the routes that declare that scope (today
-- `permits.lookup`: the permit lookup and its endorsement), so a key kept in a border system cannot read the ITD.
alter table api_tokens add column scope text check (scope in ('permits.lookup'));
