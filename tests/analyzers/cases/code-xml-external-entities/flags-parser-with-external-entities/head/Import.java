import javax.servlet.http.HttpServletRequest;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import org.xml.sax.helpers.DefaultHandler;

public class Import {
    public void load(HttpServletRequest request) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.newDocumentBuilder().parse(request.getInputStream());
        SAXParserFactory.newInstance().newSAXParser().parse(request.getInputStream(), new DefaultHandler());
        XMLInputFactory.newInstance().createXMLStreamReader(request.getInputStream());
    }
}
