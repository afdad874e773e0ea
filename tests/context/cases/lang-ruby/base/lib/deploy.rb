module Deploy
  class Task
    def run
      puts "deploying"
    end
  end
end
