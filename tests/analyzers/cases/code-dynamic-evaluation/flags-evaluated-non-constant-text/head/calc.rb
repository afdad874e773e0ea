class Calc
  def run(expression)
    eval("1 + #{expression}")
    instance_eval(params[:code])
    self.class.class_eval(expression)
  end
end
