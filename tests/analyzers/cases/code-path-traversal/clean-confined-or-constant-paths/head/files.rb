class FilesController
  def download(name)
    data = File.read(File.join("/srv/uploads", File.basename(params[:name])))
    send_file("/srv/static/index.html")
    File.open(name)
  end
end
