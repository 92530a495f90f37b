package io.kaquan.wechat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses the XML WeChat pushes ({@code <xml><ToUserName>…</ToUserName>…</xml>}) into a flat map of element name to
 * text, in document order. Hardened: a document with a DTD is refused outright (so no external entity is ever
 * fetched and no entity is ever expanded: XXE and "billion laughs" fail before they start), as is any entity
 * reference other than XML's five predefined ones; size and depth are bounded.
 *
 * <p>
 * Texts are trimmed: WeChat's documented examples put blanks around CDATA ({@code <CardId> <![CDATA[p…]]> </CardId>}).
 * Nested elements (rare in pushes, e.g. {@code ScanCodeInfo}) are kept as {@code Parent.Child}.
 *
 * <p>
 * Every push is parsed twice (the envelope, then the decrypted message), so each thread keeps one parser and resets it
 * after each document: making a new JDK parser per document cost more than the parsing itself under load.
 */
public final class CallbackXml {

    /** Elements per document; a card event has about 15. */
    static final int MAX_ELEMENTS = 256;
    static final int MAX_DEPTH = 4;

    private static final SAXParserFactory FACTORY = factory();
    private static final ThreadLocal<SAXParser> PARSER = ThreadLocal.withInitial(CallbackXml::newParser);

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
        SAXParser parser = PARSER.get();
        Fields fields = new Fields();
        try {
            parser.parse(new InputSource(new ByteArrayInputStream(xml)), fields);
        } catch (Refused e) {
            throw new Malformed(e.getMessage());
        } catch (SAXException | IOException | RuntimeException e) {
            // The JDK parser reports DOCTYPEs, undefined entities and broken markup as exceptions; never echo the input.
            throw new Malformed("not well-formed XML" + (e.getMessage() == null ? "" : ": " + clip(firstLine(e.getMessage()))));
        } finally {
            parser.reset();
        }
        if (fields.elements == 0) {
            throw new Malformed("no root element");
        }
        return Collections.unmodifiableMap(fields.values);
    }

    /** A limit or rule of ours broken; its message is ours, not the parser's. */
    private static final class Refused extends SAXException {
        Refused(String message) {
            super(message);
        }
    }

    /** Collects one document's fields. */
    private static final class Fields extends DefaultHandler {
        final Map<String, String> values = new LinkedHashMap<>();
        private final String[] path = new String[MAX_DEPTH + 1];
        private final StringBuilder text = new StringBuilder();
        private int depth;
        private int elements;
        private boolean leaf;

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            if (++elements > MAX_ELEMENTS) {
                throw new Refused("too many elements");
            }
            depth++;
            if (depth > MAX_DEPTH) {
                throw new Refused("nested too deeply");
            }
            if (depth == 1 && !"xml".equals(name)) {
                throw new Refused("the root element must be <xml>, not <" + clip(name) + ">");
            }
            path[depth] = depth <= 2 ? name : path[depth - 1] + "." + name;
            text.setLength(0);
            leaf = true;
        }

        @Override
        public void characters(char[] chars, int start, int length) {
            if (depth >= 2) {
                text.append(chars, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            if (leaf && depth >= 2) {
                // The first occurrence wins: a repeated field must not override what was checked.
                values.putIfAbsent(path[depth], text.toString().strip());
            }
            leaf = false;
            text.setLength(0);
            depth--;
        }
    }

    private static SAXParserFactory factory() {
        // The JDK's own parser, whatever else is on the class path.
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be hardened", e);
        }
        return factory;
    }

    private static SAXParser newParser() {
        try {
            synchronized (FACTORY) { // a factory is not made to be used by several threads at once
                return FACTORY.newSAXParser();
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be made", e);
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
