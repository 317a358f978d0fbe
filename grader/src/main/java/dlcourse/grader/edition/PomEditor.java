package dlcourse.grader.edition;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Rewrites a pom for the student edition with the JDK's DOM: drops modules that are not shipped (and profiles left
 * with nothing but them), test-scoped dependencies of modules whose tests are not shipped, comments that mention the
 * solutions or their mutation testing, and rewords a description that mentions the solutions. Everything else —
 * formatting included — stays as it was.
 */
final class PomEditor {

    private final Document pom;
    /** The root element's start tag as written (the DOM would put its attributes on one line). */
    private final String rootTag;

    private PomEditor(Document pom, String rootTag) {
        this.pom = pom;
        this.rootTag = rootTag;
    }

    /** Parses a pom (no external entities, no DTDs). */
    static PomEditor parse(String xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            document.setXmlStandalone(true);
            return new PomEditor(document, startTag(xml, document.getDocumentElement().getTagName()));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a readable pom: " + e.getMessage(), e);
        }
    }

    /** Removes {@code <module>} entries other than {@code shipped}, then profiles that only listed modules. */
    PomEditor keepModules(Set<String> shipped) {
        for (Element module : elements("module")) {
            if (!shipped.contains(module.getTextContent().strip())) {
                remove(module);
            }
        }
        for (Element modules : elements("modules")) {
            if (children(modules).isEmpty()) {
                remove(modules);
            }
        }
        for (Element profile : elements("profile")) {
            boolean empty = children(profile).stream()
                    .allMatch(c -> c.getTagName().equals("id") || c.getTagName().equals("activation"));
            if (empty) {
                remove(profile);
            }
        }
        return this;
    }

    /** Removes every dependency with {@code <scope>test</scope>} (for modules whose tests are not shipped). */
    PomEditor dropTestDependencies() {
        for (Element dependency : elements("dependency")) {
            for (Element child : children(dependency)) {
                if (child.getTagName().equals("scope") && child.getTextContent().strip().equals("test")) {
                    remove(dependency);
                    break;
                }
            }
        }
        return this;
    }

    /**
     * Removes comments that mention the solutions or their mutation testing, and rewords descriptions that mention
     * the solutions.
     */
    PomEditor forgetSolutions(String description) {
        List<Comment> comments = new ArrayList<>();
        collectComments(pom, comments);
        for (Comment comment : comments) {
            if (mentionsInstructorOnly(comment.getData())) {
                remove(comment);
            }
        }
        for (Element element : elements("description")) {
            if (mentionsSolutions(element.getTextContent())) {
                element.setTextContent(description);
            }
        }
        return this;
    }

    static boolean mentionsSolutions(String text) {
        return text.toLowerCase(Locale.ROOT).contains("solution");
    }

    /** Whether a text mentions the solutions or the mutation testing of them (PIT). */
    static boolean mentionsInstructorOnly(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("solution") || lower.contains("mutation") || lower.contains("pitest");
    }

    /** The pom as text. */
    String write() throws IOException {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(pom), new StreamResult(out));
            String text = out.toString();
            int declarationEnd = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
            if (declarationEnd > 0 && text.charAt(declarationEnd) != '\n') {
                text = text.substring(0, declarationEnd) + "\n" + text.substring(declarationEnd);
            }
            String written = startTag(text, pom.getDocumentElement().getTagName());
            if (rootTag != null && written != null) {
                text = text.replace(written, rootTag);
            }
            return text.endsWith("\n") ? text : text + "\n";
        } catch (TransformerException e) {
            throw new IOException("cannot write the pom: " + e.getMessage(), e);
        }
    }

    /** The first start tag of an element named {@code name} in the text, or null. */
    private static String startTag(String xml, String name) {
        int start = xml.indexOf("<" + name);
        int end = start < 0 ? -1 : xml.indexOf('>', start);
        return end < 0 ? null : xml.substring(start, end + 1);
    }

    private List<Element> elements(String tag) {
        NodeList list = pom.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static void collectComments(Node node, List<Comment> out) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Comment c) {
                out.add(c);
            } else {
                collectComments(n, out);
            }
        }
    }

    /** Removes a node and the indentation before it, so no blank line is left behind. */
    private static void remove(Node node) {
        Node parent = node.getParentNode();
        if (parent == null) {
            return;
        }
        Node before = node.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
            parent.removeChild(before);
        }
        parent.removeChild(node);
    }
}
