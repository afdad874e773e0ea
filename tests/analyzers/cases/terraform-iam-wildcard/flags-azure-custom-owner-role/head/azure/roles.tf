resource "azurerm_role_definition" "ops" {
  name  = "ops-everything"
  scope = data.azurerm_subscription.primary.id
  permissions {
    actions     = ["*"]
    not_actions = []
  }
  assignable_scopes = [data.azurerm_subscription.primary.id]
}
