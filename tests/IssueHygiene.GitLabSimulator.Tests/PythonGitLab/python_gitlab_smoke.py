"""Drives a simulated GitLab with python-gitlab (Debian's python3-gitlab), as a user of it would.

Usage: python_gitlab_smoke.py BASE_URL ADMIN_TOKEN GUEST_TOKEN

Expects a freshly seeded simulator (the handbook group, its subgroup and three projects, no
issues). Prints one "ok <check>" line per check and a final summary; any failure raises, so the
exit code is non-zero and the traceback says which call GitLab and the simulator disagreed on.
"""

import sys

import gitlab

GROUP = "handbook-org"
PROJECT = "handbook-org/meltano"

checks = []


def ok(name):
    checks.append(name)
    print("ok " + name, flush=True)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def main(url, admin_token, guest_token):
    gl = gitlab.Gitlab(url, private_token=admin_token)
    gl.auth()
    expect(gl.user.username == "root", "auth: current user is %r" % gl.user.username)
    ok("auth")

    # Listing with the pagination iterator, one or two items a page so it follows the Link header.
    groups = list(gl.groups.list(iterator=True, per_page=1))
    expect(sorted(g.full_path for g in groups) == [GROUP, GROUP + "/platform"], "groups: %r" % [g.full_path for g in groups])
    ok("groups.list iterator")
    projects = gl.projects.list(get_all=True, per_page=2)
    expect(len(projects) == 3, "projects: %d" % len(projects))
    ok("projects.list get_all")
    group = gl.groups.get(GROUP)
    project = gl.projects.get(PROJECT)
    expect(project.path_with_namespace == PROJECT, "project path %r" % project.path_with_namespace)
    ok("groups.get projects.get")

    # Issues: create, list over pages, update, close, delete.
    created = [project.issues.create({"title": "python-gitlab issue %d" % n, "labels": "Bug"}) for n in range(5)]
    expect([i.iid for i in created] == sorted(i.iid for i in created), "iids not increasing")
    ok("issues.create")
    pages = project.issues.list(iterator=True, per_page=2, state="opened")
    expect(pages.total_pages == 3, "total pages: %r" % pages.total_pages)
    listed = list(pages)
    expect(len(listed) == 5, "project issues listed: %d" % len(listed))
    group_listed = group.issues.list(get_all=True, per_page=2, labels="Bug")
    expect(len(group_listed) == 5, "group issues listed: %d" % len(group_listed))
    ok("issues.list iterator and get_all")
    issue = project.issues.get(created[0].iid)
    issue.title = "renamed by python-gitlab"
    issue.labels = ["Bug", "UI"]
    issue.save()
    again = project.issues.get(issue.iid)
    expect(again.title == "renamed by python-gitlab", "title after save: %r" % again.title)
    expect(sorted(again.labels) == ["Bug", "UI"], "labels after save: %r" % again.labels)
    again.state_event = "close"
    again.save()
    expect(project.issues.get(issue.iid).state == "closed", "issue not closed")
    ok("issue.save update and close")
    doomed = created[-1]
    doomed.delete()
    try:
        project.issues.get(doomed.iid)
        raise AssertionError("deleted issue still readable")
    except gitlab.exceptions.GitlabGetError as error:
        expect(error.response_code == 404, "deleted issue: %d" % error.response_code)
    ok("issue.delete")

    # Labels: create, get, update, list, delete.
    label = project.labels.create({"name": "python-label", "color": "#aa0000", "description": "made by python-gitlab"})
    expect(project.labels.get("python-label").color == "#aa0000", "label color")
    label.description = "changed"
    label.save()
    expect(project.labels.get("python-label").description == "changed", "label description not saved")
    names = [l.name for l in project.labels.list(get_all=True, per_page=5)]
    expect("python-label" in names and "Bug" in names, "labels listed: %r" % names)
    label.delete()
    expect("python-label" not in [l.name for l in project.labels.list(get_all=True)], "label not deleted")
    ok("labels create/get/save/list/delete")

    # Milestones: create, update, close, list, delete.
    milestone = project.milestones.create({"title": "python-milestone", "description": "by python-gitlab"})
    milestone.description = "changed"
    milestone.state_event = "close"
    milestone.save()
    fetched = project.milestones.get(milestone.id)
    expect(fetched.state == "closed" and fetched.description == "changed", "milestone after save: %s %r" % (fetched.state, fetched.description))
    titles = [m.title for m in project.milestones.list(get_all=True, state="closed")]
    expect("python-milestone" in titles, "closed milestones: %r" % titles)
    milestone.delete()
    expect("python-milestone" not in [m.title for m in project.milestones.list(get_all=True)], "milestone not deleted")
    ok("milestones create/save/get/list/delete")

    # Notes: create, edit, quick actions, commands-only, delete.
    target = project.issues.get(created[1].iid)
    note = target.notes.create({"body": "a first comment"})
    note.body = "an edited comment"
    note.save()
    expect(target.notes.get(note.id).body == "an edited comment", "note not edited")
    ok("notes create and edit")
    mixed = target.notes.create({"body": "triaged\n/label ~UI\n/assign @developer-user"})
    expect(mixed.body == "triaged", "note with commands stored as %r" % mixed.body)
    refreshed = project.issues.get(target.iid)
    expect("UI" in refreshed.labels, "quick action /label not applied: %r" % refreshed.labels)
    expect([a["username"] for a in refreshed.assignees] == ["developer-user"], "quick action /assign not applied")
    ok("note quick actions")
    commands_only = target.notes.create({"body": "/close"})
    expect(getattr(commands_only, "commands_changes", None) == {"state_event": "close"}, "commands-only note: %r" % commands_only.attributes)
    expect(project.issues.get(target.iid).state == "closed", "commands-only /close not applied")
    ok("commands-only note")
    edited = target.notes.get(note.id)
    edited.body = "reopening\n/reopen"
    edited.save()
    expect(project.issues.get(target.iid).state == "opened", "quick action in an edited note not applied")
    expect(target.notes.get(note.id).body == "reopening", "edited note keeps its command line")
    ok("note edit runs quick actions")
    guest = gitlab.Gitlab(url, private_token=guest_token)
    guest_issue = guest.projects.get(PROJECT, lazy=True).issues.get(target.iid)
    guest_note = guest_issue.notes.create({"body": "guest says hi\n/label ~CLI"})
    expect(guest_note.body == "guest says hi", "a command the guest may not run stayed in the note: %r" % guest_note.body)
    expect("CLI" not in project.issues.get(target.iid).labels, "the guest's /label was applied")
    ok("unavailable quick action removed, not applied")
    bodies = [n.body for n in target.notes.list(get_all=True, per_page=2)]
    expect("reopening" in bodies and "triaged" in bodies, "notes listed: %r" % bodies)
    target.notes.delete(note.id)
    expect(note.id not in [n.id for n in target.notes.list(get_all=True)], "note not deleted")
    ok("notes list and delete")

    # Hooks: create, get, update, list, delete.
    hook = project.hooks.create({"url": "http://127.0.0.1:9/hook", "issues_events": True, "token": "secret"})
    expect(project.hooks.get(hook.id).issues_events is True, "hook issues_events")
    # python-gitlab 3.12's save() would insist on resending `url`; the manager's update is the everyday form.
    project.hooks.update(hook.id, {"url": "http://127.0.0.1:9/hook", "note_events": True})
    expect(project.hooks.get(hook.id).note_events is True, "hook not updated")
    expect(hook.id in [h.id for h in project.hooks.list(get_all=True)], "hook not listed")
    hook.delete()
    expect(hook.id not in [h.id for h in project.hooks.list(get_all=True)], "hook not deleted")
    group_hook = group.hooks.create({"url": "http://127.0.0.1:9/group-hook", "note_events": True})
    expect(group_hook.id in [h.id for h in group.hooks.list(get_all=True)], "group hook not listed")
    group_hook.delete()
    ok("hooks create/get/update/list/delete")

    # Members: direct and inherited.
    expect(project.members.list(get_all=True) == [], "the project has no direct members")
    inherited = {m.username: m.access_level for m in project.members_all.list(get_all=True, per_page=2)}
    expect(inherited.get("root") == 50 and inherited.get("guest-user") == 10, "project members_all: %r" % inherited)
    expect(project.members_all.get(gl.user.id).access_level == 50, "members_all.get")
    direct = {m.username for m in group.members.list(get_all=True)}
    expect("developer-user" in direct, "group members: %r" % direct)
    subgroup = gl.groups.get(GROUP + "/platform")
    expect(subgroup.members.list(get_all=True) == [], "subgroup has no direct members")
    expect("developer-user" in {m.username for m in subgroup.members_all.list(get_all=True)}, "subgroup members_all")
    ok("members list and members_all")

    print("python-gitlab %s: %d checks passed" % (gitlab.__version__, len(checks)), flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
