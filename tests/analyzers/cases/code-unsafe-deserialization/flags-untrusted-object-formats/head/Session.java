import java.io.InputStream;
import java.io.ObjectInputStream;

class Session {
    Object load(javax.servlet.http.HttpServletRequest request, InputStream data, String xml) throws Exception {
        Object a = new ObjectInputStream(request.getInputStream()).readObject();
        ObjectInputStream in = new ObjectInputStream(data);
        Object b = in.readObject();
        Object c = xstream.fromXML(xml);
        Object d = new Yaml().load(xml);
        return new Object[] {a, b, c, d};
    }
}
