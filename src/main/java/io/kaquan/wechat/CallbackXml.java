package io.kaquan.wechat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the XML WeChat pushes ({@code <xml><ToUserName>…</ToUserName>…</xml>}) into a flat map of element name to
 * text, in document order. Hardened: a document with a DTD is refused outright (so no external entity is ever
 * fetched and no entity is ever expanded: XXE and "billion laughs" fail before they start), as is any entity
 * reference other than XML's five predefined ones; size and depth are bounded.
 *
 * <p>
 * Texts are trimmed: WeChat's documented examples put blanks around CDATA ({@code <CardId> <![CDATA[p…]]> </CardId>}).
 * Nested elements (rare in pushes, e.g. {@code ScanCodeInfo}) are kept as {@code Parent.Child}.
 */
public final class CallbackXml {

    /** Elements per document; a card event has about 15. */
    static final int MAX_ELEMENTS = 256;
    static final int MAX_DEPTH = 4;

    private static final XMLInputFactory FACTORY = factory();

    private CallbackXml() {
    }

    /** The document is not a WeChat push we are willing to read. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    public static Map<String, String> parse(String xml) throws Malformed {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, String> parse(byte[] xml) throws Malformed {
        if (xml == null || xml.length == 0) {
            throw new Malformed("empty body");
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            Map<String, String> fields = new LinkedHashMap<>();
            String[] path = new String[MAX_DEPTH + 1];
            StringBuilder text = new StringBuilder();
            int depth = 0;
            int elements = 0;
            boolean leaf = false;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new Malformed("a DOCTYPE is not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new Malformed("entities are not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS) {
                            throw new Malformed("too many elements");
                        }
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw new Malformed("nested too deeply");
                        }
                        String name = reader.getLocalName();
                        if (depth == 1 && !"xml".equals(name)) {
                            throw new Malformed("the root element must be <xml>, not <" + clip(name) + ">");
                        }
                        path[depth] = depth <= 2 ? name : path[depth - 1] + "." + name;
                        text.setLength(0);
                        leaf = true;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth >= 2) {
                            text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (leaf && depth >= 2) {
                            // The first occurrence wins: a repeated field must not override what was checked.
                            fields.putIfAbsent(path[depth], text.toString().strip());
                        }
                        leaf = false;
                        text.setLength(0);
                        depth--;
                    }
                    default -> {
                        // comments, processing instructions, end of document: nothing to keep
                    }
                }
            }
            if (elements == 0) {
                throw new Malformed("no root element");
            }
            return Collections.unmodifiableMap(fields);
        } catch (XMLStreamException | RuntimeException e) {
            // The JDK parser reports undefined entities and broken markup as exceptions; never echo the input.
            throw new Malformed("not well-formed XML" + (e.getMessage() == null ? "" : ": " + clip(firstLine(e.getMessage()))));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing left to release
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        // The JDK's own StAX parser, whatever else is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        return factory;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
