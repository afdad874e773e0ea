const pаssword = input.value;
send(pаssword);
