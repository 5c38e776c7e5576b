#!/usr/bin/python3
# Validates every part of a .docx against the ECMA-376 (transitional) schemas with xmllint, after markup-compatibility
# preprocessing: the elements and attributes of the namespaces a part's mc:Ignorable names are removed (w15 is kept
# for the w15 parts), and so are the mc: attributes, as a consumer that does not know those namespaces does.
# Usage: validate-ooxml.py FILE.docx SCHEMA_DIR   → prints one line per problem; exit 1 when there is any.
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
W15 = 'http://schemas.microsoft.com/office/word/2012/wordml'
SCHEMAS = {
    'word/document.xml': 'wml.xsd', 'word/styles.xml': 'wml.xsd', 'word/comments.xml': 'wml.xsd',
    'word/footnotes.xml': 'wml.xsd', 'word/endnotes.xml': 'wml.xsd', 'word/settings.xml': 'wml.xsd',
    'word/numbering.xml': 'wml.xsd', 'word/fontTable.xml': 'wml.xsd',
    'word/commentsExtended.xml': 'w15.xsd', 'word/people.xml': 'w15.xsd',
    '[Content_Types].xml': 'opc-xsd/opc-contentTypes.xsd',
    'docProps/app.xml': 'shared-documentPropertiesExtended.xsd', 'docProps/custom.xml': 'shared-documentPropertiesCustom.xsd',
}


def namespaces(raw):
    out = {}
    for _, (prefix, uri) in ET.iterparse(__import__('io').BytesIO(raw), events=['start-ns']):
        out.setdefault(prefix, uri)
    return out


def preprocess(raw, keep):
    ns = namespaces(raw)
    root = ET.fromstring(raw)
    ignorable = root.get(f'{{{MC}}}Ignorable', '')
    drop = {ns[p] for p in ignorable.split() if p in ns and ns[p] not in keep}

    def clean(el):
        for k in list(el.attrib):
            uri = k[1:].split('}')[0] if k.startswith('{') else None
            if uri == MC or uri in drop:
                del el.attrib[k]
        for child in list(el):
            uri = child.tag[1:].split('}')[0] if child.tag.startswith('{') else None
            if uri in drop:
                el.remove(child)
            else:
                clean(child)
    clean(root)
    return ET.tostring(root, encoding='utf-8', xml_declaration=True)


def main():
    path, schema_dir = sys.argv[1], sys.argv[2]
    problems = []
    with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
        names = z.namelist()
        for name in names:
            schema = SCHEMAS.get(name)
            if name.endswith('.rels'):
                schema = 'opc-xsd/opc-relationships.xsd'
            if not schema:
                continue
            keep = {W15} if schema == 'w15.xsd' else set()
            data = preprocess(z.read(name), keep)
            f = os.path.join(tmp, name.replace('/', '_').replace('[', '').replace(']', ''))
            with open(f, 'wb') as out:
                out.write(data)
            r = subprocess.run(['xmllint', '--noout', '--nonet', '--schema', os.path.join(schema_dir, schema), f],
                               capture_output=True, text=True)
            if r.returncode != 0:
                for line in r.stderr.splitlines():
                    if 'validates' not in line and line.strip():
                        problems.append(f'{name}: {line}')
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
