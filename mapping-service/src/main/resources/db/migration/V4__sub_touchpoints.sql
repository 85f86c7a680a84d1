-- Sub-touchpoints: a touchpoint may belong to a parent touchpoint of the same stage (one level: the
-- service refuses a parent that has a parent itself). The foreign key includes stage_id, so a parent
-- and its sub-touchpoints can never be in different stages; it is deferred because a parent and its
-- sub-touchpoints move to another stage row by row within one transaction. Deleting a parent takes its
-- sub-touchpoints (the service announces each deletion).
alter table touchpoint add column parent_touchpoint_id uuid;
alter table touchpoint add constraint touchpoint_stage_member unique (workspace_id, stage_id, id);
alter table touchpoint add constraint touchpoint_parent
    foreign key (workspace_id, stage_id, parent_touchpoint_id) references touchpoint (workspace_id, stage_id, id)
    on delete cascade deferrable initially deferred;
alter table touchpoint add constraint touchpoint_not_own_parent check (parent_touchpoint_id <> id);
create index touchpoint_children on touchpoint (workspace_id, parent_touchpoint_id) where parent_touchpoint_id is not null;
