#!/usr/bin/python3
# Plays the Word side of a round trip: LibreOffice (headless, through its Python UNO bridge) opens a .docx as a named
# user, does what a JSON script says (comments, replies, resolves, tracked and untracked edits) and saves as .docx.
#
# Usage: /usr/bin/python3 libreoffice.py IN.docx OUT.docx SCRIPT.json
# SCRIPT: {"user": "Given Family", "ops": [ {"op": ...}, ... ]} with ops, each finding its text by search:
#   {"op": "user", "name": "Given Family"}                      later ops are by this user
#   {"op": "comment", "find": "text", "body": "..."}             a comment on the first occurrence of `find`
#                                                                 (with "to": "text", on all from `find` to `to`)
#   {"op": "reply", "to": "body of a comment", "body": "..."}    a reply (a new comment at the same place)
#   {"op": "resolve", "comment": "body of a comment"}            marks a comment resolved
#   {"op": "insert", "after": "text", "text": "...", "tracked": true}
#   {"op": "delete", "find": "text", "tracked": true}
#   {"op": "replace", "find": "text", "text": "...", "tracked": true}
#   {"op": "bold", "find": "text", "tracked": true}              a formatting change (Word tracks it as w:rPrChange)
#   {"op": "acceptAll"} / {"op": "rejectAll"}                    every tracked change in the document
# The user name is set through LibreOffice's configuration, so it becomes the author of comments and changes.
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, profile):
    proc = subprocess.Popen([
        'soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
        f'-env:UserInstallation=file://{profile}', f'--accept=pipe,name={pipe};urp;StarOffice.ComponentContext',
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(240):
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
            return proc, ctx
        except Exception:
            time.sleep(0.25)
    proc.kill()
    raise SystemExit('LibreOffice did not start')


def set_user(ctx, full):
    given, _, family = full.partition(' ')
    cp = ctx.ServiceManager.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider', ctx)
    access = cp.createInstanceWithArguments('com.sun.star.configuration.ConfigurationUpdateAccess',
                                            (prop('nodepath', '/org.openoffice.UserProfile/Data'),))
    access.setPropertyValue('givenname', given)
    access.setPropertyValue('sn', family)
    access.commitChanges()


def find(doc, text):
    sd = doc.createSearchDescriptor()
    sd.SearchString = text
    sd.SearchCaseSensitive = True
    found = doc.findFirst(sd)
    if found is None:
        raise SystemExit(f'text not found in the document: {text!r}')
    return found


def annotations(doc):
    out = []
    fields = doc.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        f = fields.nextElement()
        if f.supportsService('com.sun.star.text.textfield.Annotation'):
            out.append(f)
    return out


def annotation(doc, body):
    for f in annotations(doc):
        if f.Content.strip() == body:
            return f
    raise SystemExit(f'no comment reads {body!r}')


def now():
    d = uno.createUnoStruct('com.sun.star.util.DateTime')
    t = time.gmtime()
    d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds = t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec
    return d


def add_comment(doc, rng, body, author):
    a = doc.createInstance('com.sun.star.text.textfield.Annotation')
    a.Author = author
    a.Content = body
    a.DateTimeValue = now()
    rng.getText().insertTextContent(rng, a, True)
    return a


def main():
    src, out, script_path = sys.argv[1:4]
    with open(script_path, encoding='utf-8') as f:
        script = json.load(f)
    profile = tempfile.mkdtemp(prefix='ro-lo-')
    proc, ctx = connect(f'ro{os.getpid()}', profile)
    try:
        user = script.get('user', 'Word User')
        set_user(ctx, user)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0,
                                           (prop('Hidden', True),))
        recording = doc.RecordChanges  # as the file asked (an export switches track changes on)
        for op in script['ops']:
            kind = op['op']
            doc.RecordChanges = bool(op.get('tracked', recording))
            if kind == 'user':
                user = op['name']
                set_user(ctx, user)
            elif kind == 'comment':
                rng = find(doc, op['find'])
                if 'to' in op:  # a range over paragraphs: from the start of one text to the end of another
                    rng = rng.getText().createTextCursorByRange(rng.getStart())
                    rng.gotoRange(find(doc, op['to']).getEnd(), True)
                add_comment(doc, rng, op['body'], user)
            elif kind == 'reply':
                parent = annotation(doc, op['to'])
                anchor = parent.getAnchor()
                cur = anchor.getText().createTextCursorByRange(anchor.getEnd())
                add_comment(doc, cur, op['body'], user)
            elif kind == 'resolve':
                annotation(doc, op['comment']).Resolved = True
            elif kind == 'insert':
                rng = find(doc, op['after'])
                cur = rng.getText().createTextCursorByRange(rng.getEnd())
                cur.getText().insertString(cur, op['text'], False)
            elif kind == 'delete':
                find(doc, op['find']).setString('')
            elif kind == 'replace':
                find(doc, op['find']).setString(op['text'])
            elif kind == 'bold':
                find(doc, op['find']).CharWeight = 150.0  # com.sun.star.awt.FontWeight.BOLD
            elif kind in ('acceptAll', 'rejectAll'):
                frame = doc.getCurrentController().getFrame()
                dispatcher = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
                dispatcher.executeDispatch(frame, '.uno:AcceptAllTrackedChanges' if kind == 'acceptAll' else '.uno:RejectAllTrackedChanges', '', 0, ())
            else:
                raise SystemExit(f'unknown op {kind}')
        doc.RecordChanges = recording
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop('FilterName', 'MS Word 2007 XML'),))
        doc.close(True)
    finally:
        try:
            desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except Exception:
            proc.kill()


if __name__ == '__main__':
    main()
