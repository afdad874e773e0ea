def archive(name)
  `uptime`
  system("tar", "czf", "#{name}.tgz", "data")
  system("ls -l")
end
