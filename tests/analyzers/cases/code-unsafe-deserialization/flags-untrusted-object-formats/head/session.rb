class SessionsController
  def restore(blob)
    session = Marshal.load(Base64.decode64(cookies[:session]))
    config = YAML.load(blob)
    data = Oj.load(params[:payload])
    [session, config, data]
  end
end
