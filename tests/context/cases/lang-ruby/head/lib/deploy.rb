module Deploy
  class Task
    def run
      puts "deploying"
      system("kubectl apply -f #{ENV['MANIFEST']}")
    end

    def self.load(data)
      Marshal.load(data)
    end
  end
end
