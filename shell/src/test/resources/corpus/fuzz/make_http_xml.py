#!/usr/bin/env python3
"""Writes http_xml_crafted.pcap: HTTP responses whose bodies go to the XML dissector, one TCP
connection each (the same layout as make_http_images.py). They cover the XML declaration and other
processing instructions, attributes in both quote styles (the last one carries the tag's '>' or
'/>'), nested and empty elements, text with and without surrounding whitespace and line breaks,
comments, CDATA sections, a DOCTYPE with and without an internal subset, UTF-8 text, text outside
any element, a closing tag with no open element, one closing the wrong element, an unclosed
element, a tag tshark cannot read; text bodies starting with "<?xml" just under and at the length
from which tshark hands them from data-text-lines to XML; and several XML media types. Documents
whose root element has a DTD in Wireshark (rss, smil, presence, ...) are left out: Dorsal names
their fields generically (docs/compat.md).

usage: make_http_xml.py  (writes the file beside this script)
"""
import os
import importlib.util

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('images', os.path.join(here, 'make_http_images.py'))
images = importlib.util.module_from_spec(spec)
spec.loader.exec_module(images)

DECL = b'<?xml version="1.0"?>\n'
DOCS = [
    ('text/xml', b'<?xml version="1.0" encoding="UTF-8"?>\n<root a="1" b=\'two\'>\n  <child>text here</child>\n'
                 b'  <empty/>\n  <!-- a comment -->\n  <![CDATA[ raw <stuff> ]]>\n'
                 b'  <ns:item xmlns:ns="urn:x" ns:attr="v">v</ns:item>\n</root>\n'),
    ('application/xml', b'<a><b>1</b><b>2</b></a>'),
    ('text/xml', b'<a>unclosed'),
    ('application/soap+xml', b'<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">'
                             b'<s:Body><m:Get xmlns:m="urn:m"><m:Id>5</m:Id></m:Get></s:Body></s:Envelope>'),
    ('text/xml', b'<!DOCTYPE note SYSTEM "Note.dtd">\n<note>\n<to>Tove</to>\n</note>'),
    ('text/xml', b'just text no tags'),
    ('text/xml', b'<a x="1" y="2"\n  z="3">&amp; &lt;</a>'),
    ('text/xml', b'<r><img src="a" alt=\'b\'/><br/></r>'),
    ('text/xml', b'<p>\n  line1\n  line2\n</p>'),
    ('text/xml', b'<?xml-stylesheet type="text/xsl" href="a.xsl"?>\n<r/>'),
    ('text/xml', b'<a x=1 y>t</a>'),
    ('text/xml', b'<a><b></a>'),
    ('text/xml', b'<!DOCTYPE a [<!ENTITY x "y">]>\n<a>&x;</a>'),
    ('text/xml', b'  lead <a>in</a> trail  '),
    ('text/xml', b'<a>\xc3\xa9t\xc3\xa9 \xe2\x82\xac</a>'),
    ('text/xml', b'<a>one<b>two</b>three</a>'),
    ('text/xml', b'<?xml version="1.0" standalone="yes"?><a/>'),
    ('text/xml', b'</a>'),
    ('text/xml', b'<a><!-- c1 --><!----></a>'),
    ('image/svg+xml', b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ('application/atom+xml', b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'),
    ('text/html', DECL + b'<a>' + b'x' * 7 + b'</a>'),
    ('text/html', DECL + b'<a>' + b'x' * 10 + b'</a>'),
    ('text/plain', DECL.upper() + b'<a>' + b'x' * 20 + b'</a>'),
    ('text/html', b' ' + DECL + b'<a>' + b'x' * 20 + b'</a>'),
    ('text/html', b'<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
                  b'Transitional//EN"\n "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
                  b'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n <head>\n'
                  b'  <title>404 - Not Found</title>\n </head>\n</html>\n'),
]


def main():
    with open(os.path.join(here, 'http_xml_crafted.pcap'), 'wb') as f:
        f.write(images.capture(DOCS))


if __name__ == '__main__':
    main()
