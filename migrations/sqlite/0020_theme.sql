-- A member's choice of colours (issue 19, docs/EVERYDAY.md): null follows their device.
alter table users add column theme text check (theme in ('light', 'dark'));
