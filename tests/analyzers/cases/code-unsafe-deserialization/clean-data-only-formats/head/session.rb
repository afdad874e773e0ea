class SessionsController
  def restore(blob)
    config = YAML.safe_load(blob)
    data = JSON.parse(params[:payload])
    dumped = Marshal.dump(config)
    [config, data, dumped]
  end
end
