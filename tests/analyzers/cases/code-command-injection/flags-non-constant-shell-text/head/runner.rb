def archive(name)
  `tar czf #{name}.tgz data`
  system("ping -c 1 #{params[:host]}")
  IO.popen("grep #{name} log.txt")
end
