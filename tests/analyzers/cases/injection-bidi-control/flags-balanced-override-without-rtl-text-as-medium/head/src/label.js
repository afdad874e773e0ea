const label = '‮olleh‬';
