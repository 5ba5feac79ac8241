"""Mutations of file bytes: blind ones (flips, truncation, splices) and ones that know a little
about text formats (numbers, strings, nesting, UTF-8, XML names).

Every mutator takes (rng, data: bytes, other: bytes) and returns new bytes; `other` is another
seed of the same format, for splices.
"""

import re

NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
XML_NAME = re.compile(rb"</?([A-Za-z_][\w.:-]*)")
STRING_QUOTE = re.compile(rb'"[^"\\\n]{0,80}"')

WEIRD_NUMBERS = [b"1e308", b"1e999", b"-1e999", b"NaN", b"nan", b"-nan", b"Infinity", b"-Infinity", b"inf",
                 b"-0", b"-0.0", b"0e0", b"1.7976931348623157e308", b"4.9e-324", b"99999999999999999999999",
                 b"-2147483649", b"9223372036854775808", b"0x10", b"1e", b"--1", b".", b"1.2.3", b"", b"\xef\xbc\x91"]
INTERESTING_BYTES = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0xC0, 0xC3, 0xE4, 0xF0, 0xF8, 0x0A, 0x0D, 0x22, 0x3C, 0x3E, 0x2C, 0x5B, 0x7B]
INVALID_UTF8 = [b"\xff", b"\xfe", b"\xc0\xaf", b"\xc3", b"\xc3\x28", b"\xe4\xb8", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
                b"\x80", b"\xf8\x88\x80\x80\x80", b"\xef\xbf\xbe"]


def _pos(rng, data):
    return rng.randrange(len(data) + 1)


def flip_bits(rng, data, other):
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if b:
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def random_bytes(rng, data, other):
    b = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if b:
            i = rng.randrange(len(b))
            b[i] = rng.choice(INTERESTING_BYTES) if rng.random() < 0.5 else rng.randrange(256)
    return bytes(b)


def insert_random(rng, data, other):
    i = _pos(rng, data)
    return data[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))) + data[i:]


def truncate(rng, data, other):
    if not data:
        return data
    return data[: rng.randrange(len(data))]


def splice(rng, data, other):
    if not data or not other:
        return data + other
    return data[: rng.randrange(len(data))] + other[rng.randrange(len(other)):]


def duplicate_chunk(rng, data, other):
    if not data:
        return data
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 4096))
    k = _pos(rng, data)
    return data[:k] + data[i:j] * rng.randint(1, 4) + data[k:]


def delete_chunk(rng, data, other):
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 2048):]


def weird_number(rng, data, other):
    matches = list(NUMBER.finditer(data))
    if not matches:
        return insert_random(rng, data, other)
    out = data
    for m in sorted(rng.sample(matches, min(len(matches), rng.randint(1, 3))), key=lambda m: -m.start()):
        out = out[: m.start()] + rng.choice(WEIRD_NUMBERS) + out[m.end():]
    return out


def long_string(rng, data, other):
    filler = rng.choice([b"A", b"\xe5\x8c\x97", b"\\u0000", b"&amp;", b" ", b"0"]) * rng.choice([300, 70000, 1 << 20])
    matches = list(STRING_QUOTE.finditer(data))
    if matches and rng.random() < 0.7:
        m = rng.choice(matches)
        return data[: m.start() + 1] + filler + data[m.end() - 1:]
    i = _pos(rng, data)
    return data[:i] + filler + data[i:]


def deep_nesting(rng, data, other):
    depth = rng.choice([100, 1000, 100000])
    i = _pos(rng, data)
    if data.lstrip()[:1] in (b"{", b"["):
        if rng.random() < 0.5:
            nest = b"[" * depth + b"0" + b"]" * depth
        else:
            nest = b'{"a":' * depth + b"1" + b"}" * depth
        # Put it where a value goes: after a colon or a comma when one is near.
        k = data.find(b":", i)
        if k >= 0:
            return data[: k + 1] + nest + b"," + data[k + 1:]
        return data[:i] + nest + data[i:]
    if data.lstrip()[:1] == b"<" or data.startswith(b"\xef\xbb\xbf<"):
        tag = rng.choice([b"Folder", b"MultiGeometry", b"x"])
        k = data.find(b"<Placemark", i)
        if k < 0:
            k = i
        return data[:k] + (b"<" + tag + b">") * depth + (b"</" + tag + b">") * depth + data[k:]
    return data[:i] + b'"' * depth + data[i:]


def invalid_utf8(rng, data, other):
    bad = rng.choice(INVALID_UTF8)
    names = list(XML_NAME.finditer(data))
    if names and rng.random() < 0.6:
        # Inside an element name: the case that killed XMLParser.
        m = rng.choice(names)
        k = rng.randint(m.start(1), m.end(1))
        return data[:k] + bad + data[k:]
    i = _pos(rng, data)
    return data[:i] + bad + data[i:]


def control_chars(rng, data, other):
    i = _pos(rng, data)
    return data[:i] + bytes([rng.choice([0, 1, 8, 0x0B, 0x0C, 0x1B, 0x1F])]) * rng.randint(1, 3) + data[i:]


def xml_specials(rng, data, other):
    snippets = [b"<!DOCTYPE kml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>",
                b"&g;", b"&#0;", b"&#xD800;", b"&#x110000;", b"&undefined;", b"<![CDATA[\xff]]>", b"<!-- \xff -->",
                b"<?pi \xff?>", b"<a xmlns:p=\"\xff\"/>", b"<p:q/>", b"<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
                b"<?xml version=\"1.0\" encoding=\"GBK\"?>", b"<?xml version=\"1.0\" encoding=\"EBCDIC\"?>", b"]]>", b"<", b"&"]
    i = _pos(rng, data)
    return data[:i] + rng.choice(snippets) + data[i:]


BLIND = [flip_bits, random_bytes, insert_random, truncate, splice, duplicate_chunk, delete_chunk]
TEXT = [weird_number, long_string, deep_nesting, invalid_utf8, control_chars]
XML = [xml_specials]


def mutators_for(kind):
    """The mutators worth trying on a file of `kind` ('binary', 'text' or 'xml'), with weights."""
    if kind == "binary":
        return BLIND + [weird_number, invalid_utf8, long_string]
    if kind == "xml":
        return BLIND + TEXT * 2 + XML * 2
    return BLIND + TEXT * 2


def mutate(rng, data, other, kind):
    """`data` after one to four mutations chosen at random; returns (bytes, names of the mutations)."""
    choices = mutators_for(kind)
    names = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        m = rng.choice(choices)
        data = m(rng, data, other)
        names.append(m.__name__)
    return data, names
