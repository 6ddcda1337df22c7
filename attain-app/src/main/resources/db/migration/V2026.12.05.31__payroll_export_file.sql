-- Each payroll export keeps the exact file it produced, so "what did we send to payroll, and when"
-- is answered by downloading it again (a GET, with no side effects) rather than by exporting anew.
-- Exports recorded before this migration have no stored file.
alter table payroll_export add column file_name text, add column content bytea;
