import java.io.ObjectInputStream;

class Session {
    Object load(ObjectInputStream in, String json) throws Exception {
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.*;!*"));
        Object a = in.readObject();
        Object b = mapper.readValue(json, Session.class);
        return new Object[] {a, b};
    }

    private void readObject(ObjectInputStream in) throws Exception {
        in.defaultReadObject();
    }
}
