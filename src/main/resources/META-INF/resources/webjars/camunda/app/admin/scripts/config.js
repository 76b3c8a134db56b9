// Admin configuration of the Customer Lifecycle Orchestrator: the product's name in the header.
export default {
  app: {
    vendor: 'Customer Lifecycle Orchestrator',
    name: 'Admin'
  }
};
