class FilesController
  def download
    data = File.read(File.join("/srv/uploads", params[:name]))
    send_file("/srv/reports/#{params[:report]}")
    FileUtils.rm_rf(Rails.root.join("tmp", cookies[:scratch]))
  end
end
